using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Parley.Web.Areas.Admin.Pages.Posts;

/// <summary>Two texts side by side as one list of lines: kept, removed, added (DiffPlex's line diff).</summary>
public sealed record DiffModel(string Old, string New, string OldLabel, string NewLabel)
{
    public IReadOnlyList<DiffPiece> Lines { get; } = InlineDiffBuilder.Diff(Old, New, ignoreWhiteSpace: false).Lines;
    public int Added => Lines.Count(l => l.Type == ChangeType.Inserted);
    public int Removed => Lines.Count(l => l.Type == ChangeType.Deleted);
}
