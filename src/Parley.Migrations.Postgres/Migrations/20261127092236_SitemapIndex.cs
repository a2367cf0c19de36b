using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SitemapIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_Kind_PublishedAt_Slug_Status_UpdatedAt",
                table: "Posts",
                columns: new[] { "Kind", "PublishedAt", "Slug", "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_Kind_PublishedAt_Slug_Status_UpdatedAt",
                table: "Posts");
        }
    }
}
