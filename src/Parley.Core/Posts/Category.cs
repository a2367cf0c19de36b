namespace Parley.Core.Posts;

/// <summary>A hierarchical grouping of posts (WordPress categories).</summary>
public class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public List<Post> Posts { get; set; } = [];
}
