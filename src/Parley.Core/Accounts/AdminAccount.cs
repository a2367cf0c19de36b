using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Parley.Core.Posts;

namespace Parley.Core.Accounts;

/// <summary>Creates the first administrator on an empty site.</summary>
public static class AdminAccount
{
    /// <summary>
    /// Makes sure the roles and an administrator exist. Returns the generated password when one had
    /// to be made (the caller prints it once); null when the account existed or a password was given.
    /// </summary>
    public static async Task<(ParleyUser User, string? GeneratedPassword)> EnsureAsync(
        UserManager<ParleyUser> users, RoleManager<IdentityRole> roles, string email, string? password, DateTime nowUtc)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null) return (existing, null);

        var generated = string.IsNullOrEmpty(password) ? GeneratePassword() : null;
        var name = email.Split('@')[0];
        var user = new ParleyUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = char.ToUpperInvariant(name[0]) + name[1..], Slug = Slugs.FromText(name, "admin"), CreatedAt = nowUtc,
        };
        Check(await users.CreateAsync(user, password ?? generated!));
        Check(await users.AddToRoleAsync(user, Roles.Administrator));
        return (user, generated);
    }

    /// <summary>20 characters from an alphabet without look-alikes: about 115 bits.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
