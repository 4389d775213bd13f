using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adminduk.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenIdentityLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IdentityProvisional",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeCodes_CreatedAt",
                table: "OneTimeCodes",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OneTimeCodes_CreatedAt",
                table: "OneTimeCodes");

            migrationBuilder.DropColumn(
                name: "IdentityProvisional",
                table: "AspNetUsers");
        }
    }
}
