namespace Churn.Core.Tests.Ingest;

internal static class IngestTestData
{
    public const string Header =
        "State,Account length,Area code,International plan,Voice mail plan,Number vmail messages,Total day minutes,Total day calls,Total day charge,Total eve minutes,Total eve calls,Total eve charge,Total night minutes,Total night calls,Total night charge,Total intl minutes,Total intl calls,Total intl charge,Customer service calls,Churn";

    public const string Row1 = "LA,117,408,No,No,0,184.5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1,False";
    public const string Row2 = "IN,65,415,No,No,0,129.1,137,21.95,228.5,83,19.42,208.8,111,9.4,12.7,6,3.43,4,True";
    public const string BadRow = "NY,161,415,No,No,0,332.9,lots,56.59,317.8,97,27.01,160.6,128,7.23,5.4,9,1.46,4,True";

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";
}
