using System.Collections.Concurrent;

namespace Parley.Testing.Oidc;

/// <summary>What the provider's endpoints share with the <see cref="TestOidcProvider"/> that owns them.</summary>
internal sealed class OidcProviderState(TestOidcProviderOptions options)
{
    public TestOidcProviderOptions Options { get; } = options;

    /// <summary>Starts as the option; a test may change it between sign-ins without restarting the provider.</summary>
    public TestOidcUser? AutoLogin { get; set; } = options.AutoLogin;

    public ConcurrentQueue<string> AuthorizationRequests { get; } = new();

    // Cookies are shared by every port of 127.0.0.1, so the provider's cookies carry a per-instance
    // suffix: they must not overwrite Parley's, nor another provider's in the same browser.
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    public string SessionScheme => "TestOidcSession";
    public string SessionCookie => "test-oidc-session-" + _suffix;
    public string AntiforgeryCookie => "test-oidc-csrf-" + _suffix;
}
