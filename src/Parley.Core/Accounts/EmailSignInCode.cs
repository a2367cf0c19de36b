namespace Parley.Core.Accounts;

/// <summary>
/// One emailed sign-in: a six-digit code and a link in the same message. Only hashes are stored;
/// either may be used once, within fifteen minutes, and the code survives five wrong guesses at most.
/// </summary>
public class EmailSignInCode
{
    public int Id { get; set; }
    /// <summary>Random handle the code form carries, so a code is checked against its own request only.</summary>
    public required string RequestId { get; set; }
    public required string Email { get; set; }
    public required string CodeHash { get; set; }
    public required string LinkHash { get; set; }
    public string? ReturnUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public int FailedAttempts { get; set; }
}
