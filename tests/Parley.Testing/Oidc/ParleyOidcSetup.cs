using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Web.Auth.Providers;

namespace Parley.Testing.Oidc;

/// <summary>Starts a test OpenID Connect provider and switches it on in a running Parley, as an owner would in the admin area.</summary>
public static class ParleyOidcSetup
{
    public static async Task<TestOidcProvider> AddProviderAsync(ParleyApp app, string key, string displayName, TestOidcProviderOptions? options = null)
    {
        var idp = await TestOidcProvider.StartAsync(options);
        await idp.RegisterClientAsync("parley-" + key, "secret-" + key, app.BaseAddress + "/signin-" + key);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInProviderStore>().SaveAsync(new ProviderInput
        {
            Key = key, Kind = SignInProviderKind.OpenIdConnect, DisplayName = displayName, Authority = idp.Issuer,
            ClientId = "parley-" + key, ClientSecret = "secret-" + key,
        });
        return idp;
    }
}
