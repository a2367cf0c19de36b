using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Testing.Oidc;

/// <summary>Builds the provider's own small web application: Kestrel on a loopback port, OpenIddict, and the passthrough endpoints.</summary>
internal static class OidcProviderHost
{
    public static WebApplication Build(OidcProviderState state, string folder)
    {
        // The content root is the empty temp folder, and configuration sources are dropped, so no
        // appsettings.json copied next to the tests (Parley's own) can reach the provider.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = Environments.Production });
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        var services = builder.Services;
        services.AddSingleton(state);
        // Keys in the temp folder rather than ~/.aspnet, so a run leaves nothing behind.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")))
            .SetApplicationName("parley-test-oidc");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = state.AntiforgeryCookie;
            o.FormFieldName = "__csrf";
        });
        services.AddAuthentication().AddCookie(state.SessionScheme, o => o.Cookie.Name = state.SessionCookie);
        services.AddDbContext<OidcStore>(o => o
            .UseSqlite($"Data Source={Path.Combine(folder, "oidc.db")};Pooling=False") // no pooled handle keeps the file open at deletion
            .UseOpenIddict());
        AddOpenIddict(services, state.Options);

        var app = builder.Build();
        app.Use((http, next) =>
        {
            if (http.Request.Path == OidcPaths.Authorization && HttpMethods.IsGet(http.Request.Method))
                state.AuthorizationRequests.Enqueue(http.Request.QueryString.Value ?? "");
            return next(http);
        });
        app.UseAuthentication();
        app.MapMethods(OidcPaths.Authorization, [HttpMethods.Get, HttpMethods.Post], AuthorizationEndpoint.HandleAsync);
        app.MapMethods(OidcPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoEndpoint.HandleAsync); // cast: as a RequestDelegate its IResult would be dropped
        app.MapMethods(OidcPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync);
        app.MapGet("/", () => Results.Text("Test OpenID Connect provider."));
        return app;
    }

    private static void AddOpenIddict(IServiceCollection services, TestOidcProviderOptions options) => services.AddOpenIddict()
        .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OidcStore>())
        .AddServer(server =>
        {
            // No SetIssuer: the port is only known once Kestrel listens, and OpenIddict then uses the
            // request's base address, which is http://127.0.0.1:{port}/ as clients address it.
            server.SetAuthorizationEndpointUris(OidcPaths.Authorization[1..])
                .SetTokenEndpointUris(OidcPaths.Token[1..])
                .SetUserInfoEndpointUris(OidcPaths.UserInfo[1..])
                .SetEndSessionEndpointUris(OidcPaths.EndSession[1..]);
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            // OpenIddict also accepts "plain" by default, which protects nothing if the request leaks; S256 only.
            server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            // Ephemeral keys, but not OpenIddict's default ones: those are RSA 4096, and generating two costs
            // seconds per provider on a loaded machine. RS256 with 2048 bits is what real providers sign with;
            // the encryption key only protects codes this provider reads back, so a symmetric one will do.
            server.AddSigningKey(new RsaSecurityKey(RSA.Create(2048)))
                .AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW);
            // Plain JWT access tokens, readable by tests and by any resource server.
            server.DisableAccessTokenEncryption();
            server.UseAspNetCore()
                .DisableTransportSecurityRequirement() // plain http on loopback
                .EnableAuthorizationEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            TokenKnobs.Register(server, options);
        });
}
