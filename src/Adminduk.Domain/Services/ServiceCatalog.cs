using System.Text.Json;

namespace Adminduk.Domain.Services;

/// <summary>The catalogue of services, loaded from the embedded Services/Catalogue/*.json files.</summary>
public sealed class ServiceCatalog
{
    private static readonly Lazy<ServiceCatalog> LazyDefault = new(LoadEmbedded);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };
    private readonly Dictionary<string, ServiceDefinition> byCode;

    public ServiceCatalog(IEnumerable<ServiceDefinition> services)
    {
        Services = [.. services];
        byCode = new Dictionary<string, ServiceDefinition>(StringComparer.Ordinal);
        foreach (var s in Services)
        {
            if (!byCode.TryAdd(s.Code, s))
            {
                throw new InvalidOperationException($"Service code '{s.Code}' appears twice in the catalogue.");
            }

            CheckConsistency(s);
        }
    }

    public static ServiceCatalog Default => LazyDefault.Value;

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public ServiceDefinition? Find(string code) => byCode.GetValueOrDefault(code);

    public static ServiceCatalog Parse(string json) =>
        new(JsonSerializer.Deserialize<List<ServiceDefinition>>(json, Json)
            ?? throw new InvalidOperationException("The service catalogue is empty."));

    // One file per service (Services/Catalogue/NNN-code.json), so services can be added without touching each
    // other's files; the number prefix gives the order in which they are listed.
    private static ServiceCatalog LoadEmbedded()
    {
        const string prefix = "Adminduk.Domain.Services.Catalogue.";
        var assembly = typeof(ServiceCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException("The embedded service catalogue is missing.");
        }

        var services = new List<ServiceDefinition>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            services.Add(JsonSerializer.Deserialize<ServiceDefinition>(stream, Json)
                ?? throw new InvalidOperationException($"{name} is empty."));
        }

        return new ServiceCatalog(services);
    }

    private static void CheckConsistency(ServiceDefinition s)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in s.Fields)
        {
            if (!names.Add(f.Name))
            {
                throw new InvalidOperationException($"{s.Code}: field '{f.Name}' appears twice.");
            }

            if (f.Type == FieldType.Select && f.Options.Count == 0)
            {
                throw new InvalidOperationException($"{s.Code}: select field '{f.Name}' has no options.");
            }
        }

        var conditions = s.Fields.Select(f => f.RequiredWhen).Concat(s.Attachments.Select(a => a.RequiredWhen)).OfType<FieldCondition>();
        foreach (var c in conditions)
        {
            var target = s.Field(c.Field) ?? throw new InvalidOperationException($"{s.Code}: condition names unknown field '{c.Field}'.");
            if (c.EqualsValue is not null && target.Type == FieldType.Select && target.Options.All(o => o.Value != c.EqualsValue))
            {
                throw new InvalidOperationException($"{s.Code}: condition value '{c.EqualsValue}' is not an option of '{c.Field}'.");
            }
        }

        CheckDocumentFromField(s);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in s.Attachments)
        {
            if (!codes.Add(a.Code))
            {
                throw new InvalidOperationException($"{s.Code}: attachment '{a.Code}' appears twice.");
            }
        }
    }

    private static void CheckDocumentFromField(ServiceDefinition s)
    {
        if (s.DocumentFromField is not { } chosen)
        {
            return;
        }

        var field = s.Field(chosen.Field)
            ?? throw new InvalidOperationException($"{s.Code}: documentFromField names unknown field '{chosen.Field}'.");
        if (chosen.Map.Count == 0)
        {
            throw new InvalidOperationException($"{s.Code}: documentFromField has an empty map.");
        }

        foreach (var (value, kind) in chosen.Map)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new InvalidOperationException($"{s.Code}: documentFromField maps '{value}' to an unknown document kind.");
            }

            if (field.Type == FieldType.Select && field.Options.All(o => o.Value != value))
            {
                throw new InvalidOperationException($"{s.Code}: documentFromField value '{value}' is not an option of '{chosen.Field}'.");
            }
        }

        // Every choice the form offers must issue something, or an approval would issue nothing for it.
        if (field.Type == FieldType.Select && field.Options.FirstOrDefault(o => !chosen.Map.ContainsKey(o.Value)) is { } unmapped)
        {
            throw new InvalidOperationException($"{s.Code}: option '{unmapped.Value}' of '{chosen.Field}' has no document in documentFromField.");
        }
    }
}
