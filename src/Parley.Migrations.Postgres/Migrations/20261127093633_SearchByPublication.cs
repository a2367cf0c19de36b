using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchByPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A word in most posts is listed newest first by walking the posts that are or will be public from
            // the newest, testing each against the query, and stopping after one page: no sorting of every match.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Posts_SearchNewest" ON "Posts" ("PublishedAt" DESC, "Id" DESC) WHERE "Status" IN (1, 2);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Posts_SearchNewest";
                """);
        }
    }
}
