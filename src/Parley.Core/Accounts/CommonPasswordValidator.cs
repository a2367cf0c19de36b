using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Parley.Core.Accounts;

/// <summary>
/// Refuses a password that is on the list of common passwords, or that is the person's own email
/// address, its local part, user name or display name (OWASP ASVS V6.2.4).
/// Comparison ignores case and surrounding white space.
/// </summary>
/// <remarks>
/// The list joins two files: the 10,000 most common passwords, and over 3,000 common passwords of
/// 12 or more characters, Parley's minimum length, which the first file hardly has.
/// Runs beside Identity's own <see cref="PasswordValidator{TUser}"/>, which checks the length.
/// The sources and licence are in <c>common-passwords.SOURCES.md</c>.
/// </remarks>
public sealed class CommonPasswordValidator : IPasswordValidator<ParleyUser>
{
    public const string CommonPasswordCode = "CommonPassword";
    public const string PersonalPasswordCode = "PasswordIsPersonal";

    private static readonly string[] ResourceNames =
        ["Parley.Core.Accounts.common-passwords.txt", "Parley.Core.Accounts.common-long-passwords.txt"];

    // Loaded on first use and kept: ~13,500 short strings, well under a megabyte.
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int ListCount => List.Value.Count;

    /// <summary>How many of them are at least <paramref name="length"/> characters long.</summary>
    public static int CountOfAtLeast(int length) => List.Value.Count(word => word.Length >= length);

    /// <summary>Whether <paramref name="password"/> is on the list, ignoring case and surrounding white space.</summary>
    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ParleyUser> manager, ParleyUser user, string? password) =>
        Task.FromResult(Validate(user, password));

    /// <summary>The check itself; <see cref="ValidateAsync"/> needs nothing from the user manager.</summary>
    public static IdentityResult Validate(ParleyUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);

        var errors = new List<IdentityError>(2);
        if (IsCommon(password))
            errors.Add(new IdentityError
            {
                Code = CommonPasswordCode,
                Description = "This password is on a list of the most common passwords. Choose another.",
            });
        if (IsPersonal(user, password))
            errors.Add(new IdentityError
            {
                Code = PersonalPasswordCode,
                Description = "A password can't be your email address or your name: those are the first things someone would try. Choose another.",
            });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static bool IsPersonal(ParleyUser user, string password)
    {
        var candidate = password.Trim();
        if (candidate.Length == 0) return false;
        return PersonalWords(user).Any(word => string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> PersonalWords(ParleyUser user)
    {
        string?[] words = [user.UserName, user.Email, LocalPart(user.Email), user.DisplayName];
        foreach (var word in words)
        {
            var trimmed = word?.Trim();
            if (!string.IsNullOrEmpty(trimmed)) yield return trimmed;
        }
    }

    // The last '@' separates the domain: a quoted local part may itself hold an '@'.
    private static string? LocalPart(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 ? email![..at] : null;
    }

    private static FrozenSet<string> Load()
    {
        var words = new List<string>(14_000);
        foreach (var name in ResourceNames)
        {
            using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded resource {name} is missing from Parley.Core.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var word = line.Trim();
                if (word.Length > 0) words.Add(word);
            }
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
