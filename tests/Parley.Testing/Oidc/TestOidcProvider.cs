using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Testing.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port, with a sign-in form a browser or an
/// HttpClient can fill in, so Parley's sign-in is tested against the protocol rather than a mock.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OidcProviderState _state;
    private readonly string _folder;

    private TestOidcProvider(WebApplication app, OidcProviderState state, string folder, int port)
    {
        _app = app;
        _state = state;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The base address with a trailing slash, as discovery and the tokens state it.</summary>
    public string Issuer => $"http://127.0.0.1:{Port}/";

    /// <summary>The query strings the authorization endpoint received, in order (to check state, nonce, code_challenge).</summary>
    public IReadOnlyList<string> AuthorizationRequests => [.. _state.AuthorizationRequests];

    /// <summary>The user signed in without the form; starts as <see cref="TestOidcProviderOptions.AutoLogin"/>, null shows the form.</summary>
    public TestOidcUser? AutoLogin
    {
        get => _state.AutoLogin;
        set => _state.AutoLogin = value;
    }

    public static async Task<TestOidcProvider> StartAsync(TestOidcProviderOptions? options = null)
    {
        var folder = TestFolders.Create("oidc");
        try
        {
            var state = new OidcProviderState(options ?? new TestOidcProviderOptions());
            var app = OidcProviderHost.Build(state, folder);
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OidcStore>().Database.EnsureCreatedAsync();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestOidcProvider(app, state, folder, new Uri(address).Port);
        }
        catch
        {
            TestFolders.Delete(folder);
            throw;
        }
    }

    /// <summary>Registers a confidential client for the code flow with PKCE and the openid, profile and email scopes.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, string redirectUri, string? postLogoutRedirectUri = null)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = clientId,
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (postLogoutRedirectUri is not null) descriptor.PostLogoutRedirectUris.Add(new Uri(postLogoutRedirectUri));
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TestFolders.Delete(_folder);
    }
}
