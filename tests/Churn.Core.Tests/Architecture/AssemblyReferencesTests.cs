using System.Xml.Linq;
using Churn.Testing;

namespace Churn.Core.Tests.Architecture;

/// <summary>
/// The assemblies' allowed references (docs/architecture.md), read from the project files with their transitive
/// project references: a forbidden package reached through any path fails here, before it ships.
/// </summary>
public sealed class AssemblyReferencesTests
{
    private static readonly string[] Infrastructure = ["Confluent.Kafka", "MongoDB.Driver", "Microsoft.ML.OnnxRuntime", "Microsoft.Data.Sqlite"];

    [Fact]
    public void The_domain_references_nothing()
    {
        var domain = Project("Churn.Domain");

        Assert.Empty(domain.Projects);
        Assert.Empty(domain.Packages);
        Assert.Empty(domain.Frameworks);
    }

    [Fact]
    public void The_core_references_only_the_domain_and_no_adapter_package()
    {
        var core = Project("Churn.Core");

        Assert.Equal(["Churn.Domain"], core.Projects);
        Assert.DoesNotContain("Confluent.Kafka", core.Packages);
        Assert.DoesNotContain("MongoDB.Driver", core.Packages);
    }

    [Theory]
    [InlineData("Churn.Kafka", "Confluent.Kafka", "MongoDB.Driver")]
    [InlineData("Churn.MongoDB", "MongoDB.Driver", "Confluent.Kafka")]
    public void Each_adapter_references_the_core_and_its_own_client_only(string adapter, string client, string otherClient)
    {
        var project = Project(adapter);

        Assert.Equal(["Churn.Core"], project.Projects);
        Assert.Contains(client, project.Packages);
        Assert.DoesNotContain(otherClient, Reachable(adapter).Packages);
    }

    [Theory]
    [InlineData("Confluent.Kafka", "Churn.Kafka")]
    [InlineData("MongoDB.Driver", "Churn.MongoDB")]
    public void Only_its_adapter_and_the_apphost_readiness_checks_reference_a_client_library(string client, string adapter)
    {
        var referencing = Directory.GetFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => Project(name).Packages.Contains(client))
            .Order();

        Assert.Equal(new[] { adapter, "Churn.AppHost" }.Order(), referencing);
    }

    [Fact]
    public void The_web_reaches_only_the_domain_and_the_service_defaults()
    {
        var web = Reachable("Churn.Web");

        Assert.Equal(["Churn.Domain", "Churn.ServiceDefaults"], web.Projects.Order());
        Assert.Empty(web.Packages.Intersect(Infrastructure));
    }

    [Fact]
    public void The_trainer_reaches_the_core_but_no_adapter()
    {
        var trainer = Reachable("Churn.Trainer");

        Assert.Equal(["Churn.Core", "Churn.Domain"], trainer.Projects.Order());
        Assert.DoesNotContain("Confluent.Kafka", trainer.Packages);
        Assert.DoesNotContain("MongoDB.Driver", trainer.Packages);
    }

    private sealed record ProjectReferences(IReadOnlyList<string> Projects, IReadOnlyList<string> Packages, IReadOnlyList<string> Frameworks);

    private static ProjectReferences Project(string name)
    {
        var path = Directory.GetFiles(RepositoryPaths.Root, $"{name}.csproj", SearchOption.AllDirectories).Single();
        var project = XDocument.Load(path);
        IReadOnlyList<string> Items(string item) =>
            [.. project.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>()];
        return new ProjectReferences(
            [.. Items("ProjectReference").Select(reference => Path.GetFileNameWithoutExtension(reference.Replace('\\', '/')))],
            Items("PackageReference"),
            Items("FrameworkReference"));
    }

    /// <summary>The project's references and everything they reference in turn.</summary>
    private static ProjectReferences Reachable(string name)
    {
        var projects = new SortedSet<string>();
        var packages = new SortedSet<string>();
        var pending = new Queue<string>([name]);
        while (pending.TryDequeue(out var next))
        {
            var references = Project(next);
            packages.UnionWith(references.Packages);
            foreach (var reference in references.Projects.Where(projects.Add))
            {
                pending.Enqueue(reference);
            }
        }
        return new ProjectReferences([.. projects], [.. packages], []);
    }
}
