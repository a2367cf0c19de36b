namespace Parley.Core.Accounts;

/// <summary>
/// A personal API token: shown once when made, stored only as a hash, read-only or read-write,
/// revocable, with its last use recorded. It acts with its owner's role, never more.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public bool CanWrite { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
