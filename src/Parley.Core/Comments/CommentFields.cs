using System.Net.Mail;

namespace Parley.Core.Comments;

/// <summary>Checks and tidies the reply form's fields; every message is one a person can act on.</summary>
public static class CommentFields
{
    public sealed record Clean(string Name, string? Email, string? Website, string Body);

    public static Clean Validate(CommentInput input, bool requireNameAndEmail)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        var website = input.Website?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";

        if (body.Length == 0) errors["Body"] = ["Write something before posting."];
        else if (body.Length > CommentLimits.Body) errors["Body"] = [$"Your comment is {body.Length:N0} characters long; the limit is {CommentLimits.Body:N0}."];

        if (name.Length == 0 && requireNameAndEmail) errors["Name"] = ["Give a name to post under."];
        else if (name.Length > CommentLimits.Name) errors["Name"] = [$"The name is longer than {CommentLimits.Name} characters."];

        if (email.Length == 0)
        {
            if (requireNameAndEmail) errors["Email"] = ["Give an email address; it is never shown."];
        }
        else if (email.Length > CommentLimits.Email) errors["Email"] = [$"The email address is longer than {CommentLimits.Email} characters."];
        else if (!IsEmail(email)) errors["Email"] = ["That does not look like an email address."];

        string? url = null;
        if (website.Length > CommentLimits.Website) errors["Website"] = [$"The website address is longer than {CommentLimits.Website} characters."];
        else if (website.Length > 0 && (url = NormalizeWebsite(website)) is null)
            errors["Website"] = ["The website must be an http or https address, such as https://example.com."];

        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new Clean(name.Length == 0 ? "Anonymous" : name, email.Length == 0 ? null : email.ToLowerInvariant(), url, body);
    }

    internal static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.') &&
        !value.Any(char.IsWhiteSpace);

    /// <summary>An absolute http(s) URL, or a bare host such as <c>example.com</c> (taken as https); anything else is null.</summary>
    public static string? NormalizeWebsite(string value)
    {
        var candidate = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        if (!uri.Host.Contains('.') || uri.UserInfo.Length > 0) return null;
        // Punycode for international names, so a look-alike domain shows what it really is.
        var normalized = new UriBuilder(uri) { Host = uri.IdnHost, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri.AbsoluteUri;
        return normalized.Length <= CommentLimits.Website ? normalized : null;
    }
}
