using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Accounts;

namespace Parley.Core.Data.Configurations;

internal sealed class SignInProviderConfiguration : IEntityTypeConfiguration<SignInProvider>
{
    public void Configure(EntityTypeBuilder<SignInProvider> provider)
    {
        provider.Property(p => p.Key).HasMaxLength(40);
        provider.HasIndex(p => p.Key).IsUnique();
        provider.Property(p => p.Preset).HasMaxLength(40);
        provider.Property(p => p.DisplayName).HasMaxLength(100);
        provider.Property(p => p.Authority).HasMaxLength(500);
        provider.Property(p => p.AuthorizationEndpoint).HasMaxLength(500);
        provider.Property(p => p.TokenEndpoint).HasMaxLength(500);
        provider.Property(p => p.UserInfoEndpoint).HasMaxLength(500);
        provider.Property(p => p.Scopes).HasMaxLength(500);
        provider.Property(p => p.ClientId).HasMaxLength(500);
        provider.Property(p => p.ClientSecretProtected).HasMaxLength(4000);
    }
}

internal sealed class FediverseAppConfiguration : IEntityTypeConfiguration<FediverseApp>
{
    public void Configure(EntityTypeBuilder<FediverseApp> app)
    {
        app.Property(a => a.Server).HasMaxLength(253);
        app.HasIndex(a => a.Server).IsUnique();
        app.Property(a => a.ClientId).HasMaxLength(500);
        app.Property(a => a.ClientSecretProtected).HasMaxLength(4000);
    }
}

internal sealed class EmailSignInCodeConfiguration : IEntityTypeConfiguration<EmailSignInCode>
{
    public void Configure(EntityTypeBuilder<EmailSignInCode> code)
    {
        code.Property(c => c.RequestId).HasMaxLength(64);
        code.HasIndex(c => c.RequestId).IsUnique();
        code.Property(c => c.Email).HasMaxLength(254);
        code.Property(c => c.CodeHash).HasMaxLength(64);
        code.Property(c => c.LinkHash).HasMaxLength(64);
        code.HasIndex(c => c.LinkHash).IsUnique();
        code.Property(c => c.ReturnUrl).HasMaxLength(1000);
        code.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> entry)
    {
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.Detail).HasMaxLength(500);
        entry.Property(e => e.Ip).HasMaxLength(64);
        entry.HasIndex(e => new { e.UserId, e.At });
        entry.HasIndex(e => e.At);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(254);
        invitation.Property(i => i.Role).HasMaxLength(40);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Property(i => i.InvitedById).HasMaxLength(450);
    }
}

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.Property(s => s.UserAgent).HasMaxLength(300);
        session.Property(s => s.Ip).HasMaxLength(64);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresAt);
        session.HasOne<ParleyUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.UserId).HasMaxLength(450);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Prefix).HasMaxLength(20);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne<ParleyUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
