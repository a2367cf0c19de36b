using Microsoft.AspNetCore.Identity;

namespace Parley.Core.Accounts;

/// <summary>
/// A person with an account: staff who write (they have a role) and readers who comment (no role;
/// they arrive through an outside provider, an emailed code or a passkey).
/// </summary>
public class ParleyUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>URL segment for the author archive at <c>/author/{slug}</c>.</summary>
    public required string Slug { get; set; }
    public string? Bio { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    /// <summary>Set by an administrator: the account can no longer sign in; what it wrote stays.</summary>
    public DateTime? DeactivatedAt { get; set; }
}
