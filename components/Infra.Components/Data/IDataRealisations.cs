namespace Infra.Components.Data;

/// <summary>How a cloud builds a <see cref="PostgresDatabase"/>.</summary>
public interface IPostgresRealisation
{
    /// <summary>What the cloud accepts for PostgreSQL.</summary>
    EngineRules PostgresRules { get; }

    /// <summary>Creates the database's resources as children of <paramref name="database"/> in its network.</summary>
    DataServiceOutputs CreatePostgres(PostgresDatabase database, DataServiceSpec spec);
}

/// <summary>How a cloud builds a <see cref="MongoDatabase"/>.</summary>
public interface IMongoRealisation
{
    EngineRules MongoRules { get; }

    DataServiceOutputs CreateMongo(MongoDatabase database, DataServiceSpec spec);
}

/// <summary>How a cloud builds a <see cref="RedisCache"/>.</summary>
public interface IRedisRealisation
{
    EngineRules RedisRules { get; }

    DataServiceOutputs CreateRedis(RedisCache cache, DataServiceSpec spec);
}

/// <summary>How a cloud builds a <see cref="ClickHouseDatabase"/>.</summary>
public interface IClickHouseRealisation
{
    EngineRules ClickHouseRules { get; }

    DataServiceOutputs CreateClickHouse(ClickHouseDatabase database, DataServiceSpec spec);
}
