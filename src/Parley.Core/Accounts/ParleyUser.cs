using Microsoft.AspNetCore.Identity;

namespace Parley.Core.Accounts;

/// <summary>A person with an account: staff who write, and (later) readers who comment.</summary>
public class ParleyUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>URL segment for the author archive at <c>/author/{slug}</c>.</summary>
    public required string Slug { get; set; }
    public string? Bio { get; set; }
    public DateTime CreatedAt { get; set; }
}
