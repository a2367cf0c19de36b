namespace Parley.Core.Accounts;

/// <summary>One line of the security log: sign-ins, failures, role changes, invitations, deactivations.</summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    /// <summary>Whose account it concerns (null when no account matched, e.g. a failed sign-in).</summary>
    public string? UserId { get; set; }
    /// <summary>Who did it, when that is someone else (an administrator changing a role).</summary>
    public string? ActorId { get; set; }
    public string? Detail { get; set; }
    public string? Ip { get; set; }
}

/// <summary>An invitation to join the staff: a link mailed to <see cref="Email"/>, valid until <see cref="ExpiresAt"/>, used once.</summary>
public class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public required string TokenHash { get; set; }
    public string? InvitedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
