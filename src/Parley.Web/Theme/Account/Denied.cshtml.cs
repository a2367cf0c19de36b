namespace Parley.Web.Theme.Account;

public sealed class DeniedModel : ThemePageModel
{
    public void OnGet()
    {
        Meta.Title = "Not allowed";
        Meta.NoIndex = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
