using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>
/// Two HTTP clients sharing one cookie jar, against a real port: one follows redirects (as a browser
/// does across Parley and an outside provider), one stops at each step so a test can look at it.
/// </summary>
public sealed class CookieBrowser : IDisposable
{
    public System.Net.CookieContainer Cookies { get; } = new();
    public HttpClient Follow { get; }
    public HttpClient Step { get; }

    public CookieBrowser(string baseAddress)
    {
        Follow = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true }) { BaseAddress = new Uri(baseAddress) };
        Step = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };
    }

    /// <summary>Presses "Continue with NAME" (or types a fediverse server) on the sign-in page; returns the redirect to the provider.</summary>
    public async Task<HttpResponseMessage> StartAsync(string key, string returnUrl, string? server = null)
    {
        var page = await HtmlPage.GetAsync(Step, "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = page.QuerySelectorAll("form.auth__provider").First(f => f.QuerySelector("input[name=provider]")!.GetAttribute("value") == key);
        var fields = new Dictionary<string, string>
        {
            ["__parley_af"] = form.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!, ["provider"] = key, ["returnUrl"] = returnUrl,
        };
        if (server is not null) fields["server"] = server;
        return await Step.PostAsync("/account/external", new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole round trip: start, follow the provider's redirects back; returns the last answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key, string returnUrl = "/", string? server = null)
    {
        var start = await StartAsync(key, returnUrl, server);
        return start.Headers.Location is { } to ? await Follow.GetAsync(to) : start;
    }

    public void Dispose()
    {
        Follow.Dispose();
        Step.Dispose();
    }
}
