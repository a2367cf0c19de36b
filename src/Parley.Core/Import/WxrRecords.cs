namespace Parley.Core.Import;

/// <summary>One thing read from a WordPress export, handed over as soon as its element has closed.</summary>
public abstract record WxrRecord;

/// <summary>A person who wrote in the exported site (<c>wp:author</c>), keyed by their login.</summary>
public sealed record WxrAuthor(long? Id, string Login, string? Email, string? DisplayName, string? FirstName, string? LastName) : WxrRecord;

/// <summary>A category (<c>wp:category</c>, or a <c>wp:term</c> of the category taxonomy). The parent is named by its slug.</summary>
public sealed record WxrCategory(long? TermId, string Slug, string? ParentSlug, string Name, string? Description) : WxrRecord;

/// <summary>A tag (<c>wp:tag</c>, or a <c>wp:term</c> of the post_tag taxonomy).</summary>
public sealed record WxrTag(long? TermId, string Slug, string Name, string? Description) : WxrRecord;

/// <summary>A term of any other taxonomy (menus, post formats, a plugin's own): read so it can be reported, not imported.</summary>
public sealed record WxrTerm(long? TermId, string Taxonomy, string Slug, string? ParentSlug, string Name) : WxrRecord;

/// <summary>
/// One <c>&lt;item&gt;</c>: a post, page, attachment, menu entry or anything else WordPress stores as a post.
/// Dates are kept as the file wrote them (see <see cref="WxrDates"/>); metadata values are kept as strings,
/// PHP-serialized or not, and never unserialized.
/// </summary>
public sealed record WxrItem : WxrRecord
{
    public string Title { get; init; } = "";
    public string? Link { get; init; }
    public string? PubDate { get; init; }
    public string? Creator { get; init; }
    public string? Guid { get; init; }
    public string Content { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public long? PostId { get; init; }
    public string? PostDate { get; init; }
    public string? PostDateGmt { get; init; }
    public string? CommentStatus { get; init; }
    public string? PostName { get; init; }
    public string? Status { get; init; }
    public long? PostParent { get; init; }
    public int MenuOrder { get; init; }
    public string? PostType { get; init; }
    public string? PostPassword { get; init; }
    public bool IsSticky { get; init; }
    public string? AttachmentUrl { get; init; }
    /// <summary>A field was longer than the reader keeps (<see cref="WxrReader.MaxFieldLength"/>); its text is cut.</summary>
    public bool Oversized { get; init; }
    public IReadOnlyList<WxrItemTerm> Terms { get; init; } = [];
    public IReadOnlyList<WxrMeta> Meta { get; init; } = [];
    public IReadOnlyList<WxrComment> Comments { get; init; } = [];

    /// <summary>The value of the first metadata entry with this key, as the file holds it.</summary>
    public string? MetaValue(string key) => Meta.FirstOrDefault(m => m.Key == key)?.Value;
}

/// <summary>An item's <c>&lt;category domain="…" nicename="…"&gt;Name&lt;/category&gt;</c>: a category, tag or other term it belongs to.</summary>
public sealed record WxrItemTerm(string Domain, string Slug, string Name);

/// <summary>A metadata entry. The value is the raw string, even when it is PHP-serialized.</summary>
public sealed record WxrMeta(string Key, string Value);

/// <summary>A comment, pingback or trackback under an item.</summary>
public sealed record WxrComment
{
    public long? Id { get; init; }
    public string Author { get; init; } = "";
    public string? AuthorEmail { get; init; }
    public string? AuthorUrl { get; init; }
    public string? AuthorIp { get; init; }
    public string? Date { get; init; }
    public string? DateGmt { get; init; }
    public string Content { get; init; } = "";
    /// <summary>"1" approved, "0" waiting, "spam", "trash" (and "post-trashed").</summary>
    public string? Approved { get; init; }
    /// <summary>Empty or "comment" for a comment; "pingback" or "trackback".</summary>
    public string? Type { get; init; }
    public long? Parent { get; init; }
    public long? UserId { get; init; }
    public IReadOnlyList<WxrMeta> Meta { get; init; } = [];
}

/// <summary>What the channel says about the exported site.</summary>
public sealed record WxrSite(string? Title, string? Link, string? BaseSiteUrl, string? BaseBlogUrl, string? WxrVersion);
