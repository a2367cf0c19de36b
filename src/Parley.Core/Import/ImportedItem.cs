namespace Parley.Core.Import;

/// <summary>
/// Remembers that a thing from another site was imported, and what it became here, so importing the same
/// export again finds it instead of making a second copy.
/// </summary>
public class ImportedItem
{
    public int Id { get; set; }
    /// <summary>The site it came from: the export's blog address without scheme, e.g. <c>example.wordpress.com</c>.</summary>
    public required string Source { get; set; }
    /// <summary>One of <see cref="ImportedKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>Its id there: a post or comment id, an author's login, a term's slug.</summary>
    public required string ExternalId { get; set; }
    /// <summary>Its id here (a number as text, or a user id).</summary>
    public required string LocalId { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>The kinds of <see cref="ImportedItem"/>.</summary>
public static class ImportedKinds
{
    public const string Author = "author";
    public const string Category = "category";
    public const string Tag = "tag";
    public const string Post = "post";
    public const string Comment = "comment";
    public const string Attachment = "attachment";
}
