using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Parley.Testing.Oidc;

/// <summary>
/// The hostile options, applied to an id_token's descriptor after OpenIddict has filled it in and just before it
/// is signed. Only id_tokens: codes and access tokens come back to this provider, which must still accept them.
/// </summary>
internal static class TokenKnobs
{
    public static void Register(OpenIddictServerBuilder server, TestOidcProviderOptions options)
    {
        if (options.OverrideIssuer is null && !options.OmitNonce && options.OverrideAudience is null) return;
        server.AddEventHandler<GenerateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.TokenType is not TokenTypeIdentifiers.IdentityToken) return default;
                var descriptor = context.SecurityTokenDescriptor;
                if (options.OverrideIssuer is { } issuer) descriptor.Issuer = issuer;
                if (options.OverrideAudience is { } audience)
                {
                    // Wherever OpenIddict put the client as audience, put another party instead.
                    descriptor.Audience = audience;
                    descriptor.Claims?.Remove(Claims.Audience);
                    if (descriptor.Subject is { } holder)
                        foreach (var aud in holder.FindAll(Claims.Audience).ToList()) holder.RemoveClaim(aud);
                }
                // The descriptor's subject is OpenIddict's own copy of the principal, so this changes nothing else.
                if (options.OmitNonce && descriptor.Subject is { } subject)
                    foreach (var nonce in subject.FindAll(Claims.Nonce).ToList()) subject.RemoveClaim(nonce);
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 500));
    }
}
