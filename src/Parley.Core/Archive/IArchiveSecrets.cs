namespace Parley.Core.Archive;

/// <summary>
/// Columns sealed with the site's Data Protection keys (a sign-in provider's client secret) would be
/// useless on another machine, whose keys differ: the archive carries them in plain text instead and
/// the importing site seals them again with its own keys. The keys live in the web host, hence the seam.
/// </summary>
public interface IArchiveSecrets
{
    string Reveal(string sealedValue);
    string Protect(string plainValue);
}

/// <summary>For hosts without Data Protection (tests of the core alone): sealed values cannot travel.</summary>
internal sealed class NoArchiveSecrets : IArchiveSecrets
{
    public string Reveal(string sealedValue) => throw new ArchiveException("This host cannot read the sign-in providers' secrets (no Data Protection keys).");
    public string Protect(string plainValue) => throw new ArchiveException("This host cannot seal the sign-in providers' secrets (no Data Protection keys).");
}
