namespace Parley.Web.Theme.Comments;

/// <summary>The "Leave a Reply" form as posted. Everything is optional here; the service decides what is missing.</summary>
public sealed class CommentForm
{
    public int? ParentId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Body { get; set; }
    public bool Remember { get; set; }
    /// <summary>"none", "replies" or "thread": what to be told of by email.</summary>
    public string? Notify { get; set; }
    /// <summary>Set by the Preview button: show the comment as it will look, save nothing.</summary>
    public bool Preview { get; set; }
    /// <summary>A signed-in reader chose "Change": post this one as a guest.</summary>
    public bool AsGuest { get; set; }
    /// <summary>Honeypot: hidden from people, filled in by bots that fill in everything.</summary>
    public string? Company { get; set; }
    /// <summary>When the form was shown, signed, so a bot cannot post faster than a person could type.</summary>
    public string? Issued { get; set; }
}
