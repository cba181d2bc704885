using System.Globalization;
using System.Text;

namespace ComplianceAnalytics.SampleData;

/// <summary>An invented complainant: reserved example domains and Ofcom's drama numbers only.</summary>
internal sealed record FakeCustomer(string Name, string Email, string Phone);

/// <summary>
/// Invents complainants and case notes. Every org keeps a bounded pool of earlier
/// complainants so that about one case in ten comes from someone who has complained before,
/// without the generator holding every customer in memory.
/// </summary>
internal sealed class FakePeople(Random random)
{
    private const int PoolSize = 500;
    private const double RepeatRate = 0.10;

    private static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Freya", "Lily", "Grace", "Sophie", "Evie", "Zoë", "Aisha",
        "Priya", "Niamh", "Siobhan", "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar",
        "Mohammed", "Rhys", "Dylan", "Callum", "Euan", "Tomasz", "Chidi", "Rory", "Kwame",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts",
        "Johnson", "Walker", "Wright", "Robinson", "Thompson", "O'Brien", "McDonald", "Patel", "Khan",
        "Nowak", "Okafor", "Hughes", "Edwards", "Clarke", "Ahmed", "Lewis-Hart", "Murphy", "Campbell",
    ];

    private static readonly string[] Domains = ["example.com", "example.org", "example.com", "mail.example.org"];

    private static readonly string[] Notes =
    [
        "Customer says \"nobody called back\", wants a refund",
        "Billed twice for the same month, asked for a refund of £{0}",
        "Engineer missed two appointments, customer took a day off work",
        "Called 3 times, no call back; \"very unhappy\"",
        "Unhappy with the tone of the agent on the phone",
        "Asked for a copy of the data held about them (SAR), not received",
        "Service down since Monday, business affected, wants compensation of £{0}",
        "Parcel marked delivered, not received",
        "Wrong item sent, return label never arrived",
        "Complaint about price rise, says it was \"never explained\"",
        "Followed up by email, see thread",
        "Customer is vulnerable: prefers contact by letter",
        "Previous complaint closed without an answer, says \"same problem again\"",
        "",
        "",
    ];

    private readonly Dictionary<string, List<FakeCustomer>> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <summary>A new complainant, or someone from <paramref name="org"/>'s pool (a repeat complainant).</summary>
    public FakeCustomer Customer(string org)
    {
        if (!_pools.TryGetValue(org, out var pool))
        {
            pool = [];
            _pools[org] = pool;
            _next[org] = 0;
        }

        if (pool.Count > 0 && random.NextDouble() < RepeatRate)
        {
            return pool[random.Next(pool.Count)];
        }

        var customer = Invent();
        if (pool.Count < PoolSize)
        {
            pool.Add(customer);
        }
        else
        {
            // Overwrite the oldest so repeats come from recent complainants.
            pool[_next[org]] = customer;
            _next[org] = (_next[org] + 1) % PoolSize;
        }

        return customer;
    }

    public string Note()
    {
        var template = Notes[random.Next(Notes.Length)];
        var amount = (10 + random.Next(290)).ToString(CultureInfo.InvariantCulture);
        var note = string.Format(CultureInfo.InvariantCulture, template, amount);

        // A few notes were typed over two lines; RFC 4180 quoting has to carry the break.
        return note.Length > 0 && random.NextDouble() < 0.02 ? note + "\nUpdate: customer chased again" : note;
    }

    private FakeCustomer Invent()
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var email = string.Create(
            CultureInfo.InvariantCulture,
            $"{Slug(first)}.{Slug(last)}{random.Next(100)}@{Domains[random.Next(Domains.Length)]}");
        return new FakeCustomer($"{first} {last}", email, Phone());
    }

    /// <summary>A 07700 900xxx number (reserved for drama) in one of the ways people write it.</summary>
    private string Phone()
    {
        var n = random.Next(1000).ToString("000", CultureInfo.InvariantCulture);
        return random.Next(6) switch
        {
            0 => "07700 900" + n,
            1 => "+44 7700 900" + n,
            2 => "07700900" + n,
            3 => "+447700900" + n,
            4 => "07700 900 " + n,
            _ => "(07700) 900" + n,
        };
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c == 'ë')
            {
                slug.Append('e');
            }
        }

        return slug.ToString();
    }
}
