namespace Parley.Core.Posts;

/// <summary>
/// What an editor had typed, saved every few seconds and when the tab closes, without touching the
/// post or its revisions. One per post and person; the editor offers it back when it is newer.
/// </summary>
public class PostAutosave
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string BodySource { get; set; } = "";
    /// <summary>The rest of the form (excerpt, slug, tags…) as the editor's JSON, restored as is.</summary>
    public string FieldsJson { get; set; } = "{}";
    /// <summary>The post version the text was based on.</summary>
    public int BaseVersion { get; set; }
    public DateTime SavedAt { get; set; }
}
