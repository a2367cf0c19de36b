namespace Parley.Core.Posts;

/// <summary>A saved state of a post. The rendered HTML is kept with the source it came from.</summary>
public class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public required string Title { get; set; }
    public string BodySource { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public required string AuthorId { get; set; }
}
