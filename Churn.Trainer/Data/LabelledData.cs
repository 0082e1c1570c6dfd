using System.Security.Cryptography;
using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Trainer.Data;

/// <summary>A labelled data file read through the customer contract: its valid customers, hash and counts.</summary>
public sealed record LabelledData(string Path, string Sha256, IReadOnlyList<CustomerRecord> Customers, int RejectedRows)
{
    public int Positives => Customers.Count(c => c.Churn == true);

    public bool[] Labels => Customers.Select(c => c.Churn == true).ToArray();

    public DataDescription Describe() => new(System.IO.Path.GetFileName(Path), Sha256, Customers.Count, Positives);

    public static LabelledData Load(string path)
    {
        var customers = new List<CustomerRecord>();
        var rejected = new List<CustomerCsvRow>();
        try
        {
            foreach (var row in CustomerCsvReader.ReadFile(path))
            {
                if (row.Record is { Churn: not null } record)
                {
                    customers.Add(record);
                }
                else
                {
                    rejected.Add(row);
                }
            }
        }
        catch (CustomerCsvFormatException e)
        {
            throw new TrainingDataException($"{path}: {e.Message}");
        }
        if (customers.Count == 0)
        {
            throw new TrainingDataException($"{path} holds no valid labelled row (a 'Churn' column with True/False is required).");
        }
        if (customers.All(c => c.Churn == customers[0].Churn))
        {
            throw new TrainingDataException($"{path} holds only one class of 'Churn'; training needs churners and non-churners.");
        }
        return new LabelledData(path, HashFile(path), customers, rejected.Count);
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
