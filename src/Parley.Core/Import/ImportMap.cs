using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Import;

/// <summary>
/// Reads and writes <see cref="ImportedItem"/> rows for one source. A dry run records in memory only, so
/// later items of the same run still see what earlier ones "made".
/// </summary>
internal sealed class ImportMap(ParleyDbContext db, string source, DateTime now, bool dryRun)
{
    private readonly Dictionary<(string Kind, string Id), string> _planned = [];

    public async Task<string?> FindAsync(string kind, string externalId, CancellationToken ct)
    {
        var id = Key(externalId);
        if (_planned.TryGetValue((kind, id), out var planned)) return planned;
        return await db.ImportedItems.AsNoTracking().Where(i => i.Source == source && i.Kind == kind && i.ExternalId == id)
            .Select(i => i.LocalId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Whether something here was made by this source's import under another external id.</summary>
    public async Task<bool> IsLocalOfAsync(string kind, string localId, CancellationToken ct) =>
        _planned.Any(p => p.Key.Kind == kind && p.Value == localId) ||
        await db.ImportedItems.AnyAsync(i => i.Source == source && i.Kind == kind && i.LocalId == localId, ct);

    /// <summary>Adds the row to the context (saved with the unit's next save) or, in a dry run, to memory.</summary>
    public void Record(string kind, string externalId, string localId)
    {
        var id = Key(externalId);
        if (dryRun) _planned[(kind, id)] = localId;
        else db.ImportedItems.Add(new ImportedItem { Source = source, Kind = kind, ExternalId = id, LocalId = localId, ImportedAt = now });
    }

    /// <summary>Ids longer than the column are kept as a hash (still unique, still found again).</summary>
    private static string Key(string externalId) =>
        externalId.Length <= 200 ? externalId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));
}
