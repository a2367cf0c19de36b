using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Hosting;

/// <summary>Registers Parley's services: what Program.cs calls, feature by feature.</summary>
public static class ParleyServices
{
    public static WebApplicationBuilder AddParley(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ParleyOptions>().BindConfiguration(ParleyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Data annotations are not checked inside nested objects, so the limits are validated on their own.
        services.AddOptions<LimitSettings>().BindConfiguration(ParleyOptions.Section + ":Limits").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Feeds.SitemapSettings>().BindConfiguration(ParleyOptions.Section + ":Sitemap").ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ParleyOptions.Section).Get<ParleyOptions>() ?? new ParleyOptions();
        Directory.CreateDirectory(options.FullDataPath);

        builder.AddParleyDatabase(options);
        services.AddDataProtection().SetApplicationName("Parley")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.FullDataPath, "keys")));
        services.AddParleyIdentity(options);
        services.AddSignInProviders(options);
        Api.ApiEndpoints.AddParleyApi(services);

        services.AddSingleton<Parley.Core.Notifications.ISiteLinks, SiteLinks>();
        services.AddSingleton<Parley.Core.Archive.IArchiveSecrets, Auth.Providers.ArchiveSecrets>();
        services.AddParleyCore();
        services.AddHostedService<Jobs.ScheduledPublisher>();
        services.AddHostedService<Jobs.MailDispatcher>();

        services.AddHttpContextAccessor();
        services.AddScoped<Theme.SiteContext>();
        services.AddScoped<Theme.PageMeta>();
        services.AddSingleton<Theme.ContentVersionCache>();
        services.AddSingleton<Caching.PageCache>();
        services.AddRedisChanges(options);
        services.AddScoped<Feeds.FeedSource>();
        services.AddScoped<Theme.Comments.Discussion>();
        services.AddSingleton<Theme.Comments.CommenterCookies>();
        services.AddSingleton<Theme.Comments.FormTiming>();
        services.AddSingleton<Theme.Comments.CommentRateLimiter>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "parley_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.FormFieldName = "__parley_af";
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Theme";
            // The admin area lives in Areas/Admin (the framework's own way to keep a second set of pages apart).
            o.Conventions.AuthorizeAreaFolder("Admin", "/", Auth.Policies.Staff);
        });
        services.AddSingleton<Auth.SignInThrottle>();
        services.AddScoped<Auth.ReaderSignIn>();
        services.AddSingleton<Areas.Admin.Import.ImportJobs>();
        services.AddSingleton<Auth.PendingLink>();
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Long addresses get Parley's own 400 page (see RequestLimits) rather than a bare 414.
            k.Limits.MaxRequestLineSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Several processes serving one site tell each other their changes through Redis (none when unset).</summary>
    private static void AddRedisChanges(this IServiceCollection services, ParleyOptions parley)
    {
        services.AddOptions<Caching.RedisSettings>().BindConfiguration(ParleyOptions.Section + ":Redis").ValidateDataAnnotations()
            .Validate(r => !r.Enabled || Caching.RedisChanges.IsValid(r.Configuration!),
                "Parley:Redis:Configuration is not a StackExchange.Redis configuration string (host:port[,password=...][,ssl=true]).")
            .ValidateOnStart();
        if (!parley.Redis.Enabled) return;
        services.AddSingleton<Caching.RedisChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<Caching.RedisChanges>());
    }

    private static void AddSignInProviders(this IServiceCollection services, ParleyOptions parley)
    {
        services.AddSingleton<Auth.Providers.SignInProviderRegistry>();
        services.AddSingleton<Auth.Providers.ProviderOptionsSetup>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>>(sp => sp.GetRequiredService<Auth.Providers.ProviderOptionsSetup>());
        services.AddSingleton<IConfigureOptions<OAuthOptions>>(sp => sp.GetRequiredService<Auth.Providers.ProviderOptionsSetup>());
        services.AddSingleton<IConfigureOptions<Auth.Providers.FediverseOptions>>(sp => sp.GetRequiredService<Auth.Providers.ProviderOptionsSetup>());
        // What AddOpenIdConnect / AddOAuth would register, for schemes added while Parley runs.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OAuthOptions>, OAuthPostConfigureOptions<OAuthOptions, OAuthHandler<OAuthOptions>>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<Auth.Providers.FediverseOptions>, OAuthPostConfigureOptions<Auth.Providers.FediverseOptions, Auth.Providers.FediverseHandler>>());
        services.AddSingleton<Auth.Providers.FediverseApps>();
        services.AddScoped<Auth.Providers.SignInProviderStore>();
        // A reader names the fediverse server, so Parley's requests there may go to the public internet only.
        services.AddHttpClient(Auth.Providers.FediverseApps.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => Parley.Core.Net.PublicNetwork.CreateHandler(allowLoopback: parley.SignIn.FediverseOverHttp));
    }

    private static void AddParleyDatabase(this WebApplicationBuilder builder, ParleyOptions options)
    {
        var provider = options.Database.Provider;
        var connectionString = builder.Configuration.GetConnectionString("Parley");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new OptionsValidationException(ParleyOptions.Section, typeof(ParleyOptions),
                    ["Parley:Database:Provider is Postgres but ConnectionStrings:Parley is empty. Set ConnectionStrings__Parley."]);
            connectionString = ParleyDatabase.SqliteFile(options.FullDataPath);
        }
        builder.Services.AddDbContextPool<ParleyDbContext>(db => db.Use(provider, connectionString));
        if (provider == DatabaseProvider.Sqlite) SqliteMemoryMeter.Start();
    }

    private static void AddParleyIdentity(this IServiceCollection services, ParleyOptions parley)
    {
        services.AddIdentityCore<ParleyUser>(o =>
            {
                // Readers from different providers may share an address; staff are found by user name (their email).
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ParleyDbContext>()
            .AddSignInManager<Auth.ParleySignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Over HTTPS the cookies carry the __Host- prefix: Secure, whole site, no Domain, so no subdomain can set or read them.
        var https = parley.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        var prefix = https ? "__Host-" : "";
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "parley_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/signin";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });
        // Sign-ins live in the database; the cookie holds a key (see Auth/DbTicketStore).
        services.AddSingleton<Auth.DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Auth.DbTicketStore>((o, store) => o.SessionStore = store);
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = prefix + "parley_external";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefix + "parley_2fa";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = prefix + "parley_2fa_device";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        // Reset links: one use (the reset renews the stamp they are bound to), three hours at most.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A changed password, a deactivation or "sign out everywhere" reaches every device within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The identity used to sign in (the badge on comments) survives the refresh.
            o.OnRefreshingPrincipal = ctx =>
            {
                foreach (var type in new[] { Auth.ReaderSignIn.ViaClaim, "amr" })
                    if (ctx.CurrentPrincipal?.FindFirst(type) is { } claim && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity id)
                        id.AddClaim(new System.Security.Claims.Claim(type, claim.Value));
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Auth.Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Auth.Policies.Moderate, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Author))
            .AddPolicy(Auth.Policies.Upload, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Author));
        // OWASP (2023+): PBKDF2-HMAC-SHA512 (the framework's V3 format) needs at least 210,000 iterations; its default is 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
    }
}
