using System.Security.Cryptography;
using Parley.Core.Archive;

namespace Parley.Web.Auth.Providers;

/// <summary>Opens and seals the sign-in providers' client secrets for the JSON archive, with this site's keys.</summary>
public sealed class ArchiveSecrets(SignInProviderRegistry registry) : IArchiveSecrets
{
    public string Reveal(string sealedValue)
    {
        try { return registry.Unprotect(sealedValue); }
        catch (CryptographicException ex)
        {
            throw new ArchiveException("A sign-in provider's secret cannot be read with this site's keys (data folder 'keys'); enter it again in the admin area, then export.", ex);
        }
    }

    public string Protect(string plainValue) => registry.Protect(plainValue);
}
