using Microsoft.EntityFrameworkCore;

namespace Parley.Testing.Oidc;

/// <summary>
/// The provider's own database (OpenIddict's applications, authorizations and tokens) on a SQLite file,
/// so codes are redeemed once and revoked for real, as at a production provider.
/// </summary>
internal sealed class OidcStore(DbContextOptions<OidcStore> options) : DbContext(options);
