namespace Parley.Web.Auth;

/// <summary>Authorization policies by name, so pages and endpoints say what they require in words.</summary>
public static class Policies
{
    /// <summary>Any staff role: the admin area.</summary>
    public const string Staff = "Staff";
    /// <summary>Roles that moderate comments: Administrators and Editors everywhere, Authors under their own posts.</summary>
    public const string Moderate = "Moderate";
    /// <summary>Roles that upload to the media library: Authors, Editors, Administrators (not Contributors, as in WordPress).</summary>
    public const string Upload = "Upload";
}
