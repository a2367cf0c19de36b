namespace Parley.Core.Accounts;

/// <summary>
/// One signed-in browser. The cookie holds only this row's random key; the sign-in itself lives here,
/// so signing out (or "end this session") makes a copied cookie worthless at once.
/// </summary>
public class AuthSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The framework's serialized authentication ticket (claims and expiry).</summary>
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string? UserAgent { get; set; }
    public string? Ip { get; set; }
}
