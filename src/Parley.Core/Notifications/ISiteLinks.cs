namespace Parley.Core.Notifications;

/// <summary>Absolute links for mail, which is read far from any request. The host knows the public address.</summary>
public interface ISiteLinks
{
    string Absolute(string path);
}

/// <summary>Links under one fixed address: for the command line and for hosts that configure it.</summary>
public sealed class FixedSiteLinks(string baseUrl) : ISiteLinks
{
    public string Absolute(string path) => baseUrl.TrimEnd('/') + path;
}
