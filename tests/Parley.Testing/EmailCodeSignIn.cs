using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Parley.Testing;

/// <summary>A reader signing in with an emailed code over HTTP, reading the code from the test's SMTP listener.</summary>
public static partial class EmailCodeSignIn
{
    public static async Task SignInAsync(HttpClient client, TestSmtp smtp, string email, string returnUrl = "/")
    {
        var asked = await StaffClient.SubmitAsync(client, "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl),
            "form[action*='handler=Code']", new Dictionary<string, string> { ["CodeEmail"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var mail = await smtp.WaitForAsync(m => m.To == email && Code().IsMatch(m.Subject));
        var signedIn = await StaffClient.SubmitAsync(client, asked.Headers.Location!.OriginalString, "form.auth__form",
            new Dictionary<string, string> { ["Code"] = Code().Match(mail.Subject).Value });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
