namespace Parley.Testing.Oidc;

/// <summary>How the test provider behaves; the defaults are an honest provider, the knobs let tests play a hostile one.</summary>
public sealed record TestOidcProviderOptions
{
    /// <summary>When set, the authorization endpoint signs this user in without showing the form (for HttpClient-driven tests).</summary>
    public TestOidcUser? AutoLogin { get; init; }

    /// <summary>
    /// An issuer written into id_tokens instead of the real one, while discovery still advertises the real one:
    /// a relying party that checks the issuer must refuse them.
    /// </summary>
    public string? OverrideIssuer { get; init; }

    /// <summary>An audience written into id_tokens instead of the client's id: a token meant for someone else.</summary>
    public string? OverrideAudience { get; init; }

    /// <summary>Leaves the nonce out of id_tokens even though the client sent one: a replay check must refuse them.</summary>
    public bool OmitNonce { get; init; }
}
