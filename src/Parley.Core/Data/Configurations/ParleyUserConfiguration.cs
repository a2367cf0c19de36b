using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Accounts;

namespace Parley.Core.Data.Configurations;

internal sealed class ParleyUserConfiguration : IEntityTypeConfiguration<ParleyUser>
{
    public void Configure(EntityTypeBuilder<ParleyUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Slug).HasMaxLength(200);
        user.Property(u => u.Bio).HasMaxLength(2000);
        user.HasIndex(u => u.Slug).IsUnique();
    }
}
