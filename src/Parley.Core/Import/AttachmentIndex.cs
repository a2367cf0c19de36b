namespace Parley.Core.Import;

/// <summary>An attachment of the export, as posts refer to it (featured images, galleries).</summary>
public sealed record AttachmentInfo(long Id, long? ParentId, string Url, string? Title, string? Alt, string? Caption, int MenuOrder);

/// <summary>
/// The export's attachments by id and by the post they belong to. Galleries and featured images name
/// attachments that may come anywhere in the file, so the importer collects these first (a few hundred
/// bytes each, not their files).
/// </summary>
public sealed class AttachmentIndex
{
    private readonly Dictionary<long, AttachmentInfo> _byId = [];
    private readonly Dictionary<long, List<AttachmentInfo>> _byParent = [];

    public int Count => _byId.Count;

    /// <summary>Adds an attachment; a second one with the same id is ignored (the first counts, as everywhere in the import).</summary>
    public bool Add(AttachmentInfo attachment)
    {
        if (!_byId.TryAdd(attachment.Id, attachment)) return false;
        if (attachment.ParentId is { } parent and > 0)
        {
            if (!_byParent.TryGetValue(parent, out var list)) _byParent[parent] = list = [];
            list.Add(attachment);
        }
        return true;
    }

    public AttachmentInfo? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The attachments uploaded to a post, in the order WordPress's gallery shows them.</summary>
    public IReadOnlyList<AttachmentInfo> Of(long postId) =>
        _byParent.TryGetValue(postId, out var list) ? list.OrderBy(a => a.MenuOrder).ThenBy(a => a.Id).ToList() : [];

    public IEnumerable<AttachmentInfo> All => _byId.Values;
}
