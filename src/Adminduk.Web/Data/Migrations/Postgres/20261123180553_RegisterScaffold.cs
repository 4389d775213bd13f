using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adminduk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegisterScaffold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApplicationId",
                table: "PopulationEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NumberSerials",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSerials", x => x.Prefix);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationEvents_ApplicationId",
                table: "PopulationEvents",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NumberSerials");

            migrationBuilder.DropIndex(
                name: "IX_PopulationEvents_ApplicationId",
                table: "PopulationEvents");

            migrationBuilder.DropColumn(
                name: "ApplicationId",
                table: "PopulationEvents");
        }
    }
}
