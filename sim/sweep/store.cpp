// The SQLite store of a sweep's runs: see include/corridor/sweep/store.hpp.

#include "corridor/sweep/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

namespace corridor {

struct RunStore::Db {
    sqlite3* handle = nullptr;
    int lock = -1;  // flock()ed while the store is open: one writer at a time
    ~Db() {
        sqlite3_close(handle);
        if (lock >= 0) ::close(lock);
    }
};

namespace {

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A statement prepared for one use, finalised when it goes.
class Statement {
  public:
    Statement(sqlite3* db, const std::string& sql) {
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr);
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return statement_; }
    bool ok() const { return statement_ != nullptr; }

  private:
    sqlite3_stmt* statement_ = nullptr;
};

Result<bool> execute(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return Error{why};
    }
    return true;
}

std::string column_text(sqlite3_stmt* s, int i) {
    const unsigned char* text = sqlite3_column_text(s, i);
    return text ? reinterpret_cast<const char*>(text) : "";
}

Result<StoreHeader> read_header(sqlite3* db) {
    StoreHeader header;
    Statement facts(db, "SELECT key, value FROM sweep ORDER BY key");
    Statement columns(db, "SELECT kind, name, unit FROM columns ORDER BY position");
    if (!facts.ok() || !columns.ok()) return Error{"it is not a corridor sweep's store (no table 'sweep')"};
    while (sqlite3_step(facts.get()) == SQLITE_ROW)
        header.facts[column_text(facts.get(), 0)] = column_text(facts.get(), 1);
    while (sqlite3_step(columns.get()) == SQLITE_ROW) {
        if (column_text(columns.get(), 0) == "parameter") {
            header.columns.push_back(column_text(columns.get(), 1));
        } else {
            header.kpis.push_back(column_text(columns.get(), 1));
            header.units.push_back(column_text(columns.get(), 2));
        }
    }
    return header;
}

// The first fact in which `found` differs from `wanted`, said for a planner.
}  // namespace

std::string store_difference(const StoreHeader& found, const StoreHeader& wanted) {
    auto fact = [](const StoreHeader& h, const std::string& key) {
        auto it = h.facts.find(key);
        return it == h.facts.end() ? std::string("nothing") : it->second;
    };
    if (fact(found, "sweep_hash") != fact(wanted, "sweep_hash")) return "the sweep file is not the same";
    if (fact(found, "scenario_hash") != fact(wanted, "scenario_hash"))
        return "the scenario, or a file it reads, is not the same";
    // (Where the files are is not what they are: the same sweep read from another folder resumes.)
    auto counts = [](const std::string& key) { return key != "sweep_file" && key != "scenario_file"; };
    for (const StoreHeader* side : {&wanted, &found})
        for (const auto& [key, value] : side->facts)
            if (counts(key) && fact(found, key) != fact(wanted, key))
                return key + " was " + fact(found, key) + ", is now " + fact(wanted, key);
    if (found.columns != wanted.columns) return "the parameters differ";
    if (found.kpis != wanted.kpis) return "the KPIs kept differ";
    return "";
}

RunStore::RunStore(std::unique_ptr<Db> db, StoreHeader header)
    : db_(std::move(db)), header_(std::move(header)) {}
RunStore::~RunStore() = default;

Result<std::unique_ptr<RunStore>> RunStore::open(const std::string& path, const StoreHeader& header,
                                                 bool resume) {
    std::error_code error;
    bool exists = std::filesystem::exists(path, error);
    if (exists && !resume) return Error{path + " holds the runs of a sweep already"};
    if (!exists && resume) return Error{"there is no sweep to resume: " + path + " does not exist"};
    if (!resume) {
        // Made under another name and renamed when its header is in, so that a store is never
        // found without one (a sweep killed as it starts leaves no store, not a broken one).
        std::string made = path + ".new";
        std::filesystem::remove(made, error);
        if (auto created = create(made, header); !created) return Error{created.error()};
        std::filesystem::rename(made, path, error);
        if (error) return Error{"cannot make " + path + ": " + error.message()};
    }
    auto db = std::make_unique<Db>();
    // Two processes adding the same runs would both run them, and one would fail at the end: the
    // second is turned away at once. (The system drops the lock of a killed process.)
    db->lock = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (db->lock < 0 || ::flock(db->lock, LOCK_EX | LOCK_NB) != 0)
        return Error{"another corridor is writing " + path +
                     " now: wait for it to finish, or give another --out"};
    if (sqlite3_open_v2(path.c_str(), &db->handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return Error{"cannot open " + path + ": " + sqlite3_errmsg(db->handle)};
    sqlite3_busy_timeout(db->handle, 10'000);
    // WAL: a commit is one append, and a process killed mid-batch leaves the last commit intact.
    // (synchronous=NORMAL keeps every commit through a crash of the process; only a power cut may
    // lose the last ones, which --resume then runs again.)
    if (auto ok = execute(db->handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !ok)
        return Error{path + ": " + ok.error()};
    if (resume) {
        auto found = read_header(db->handle);
        if (!found) return Error{path + ": " + found.error()};
        if (std::string why = store_difference(found.value(), header); !why.empty())
            return Error{"the sweep or its scenario changed since " + path + " was made (" + why +
                         "): --resume continues only the same sweep; give another --out to start a new one"};
    }
    return std::unique_ptr<RunStore>(new RunStore(std::move(db), header));
}

Result<bool> RunStore::create(const std::string& path, const StoreHeader& header) {
    Db made;
    if (sqlite3_open_v2(path.c_str(), &made.handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
        return Error{"cannot make " + path + ": " + sqlite3_errmsg(made.handle)};
    auto db = &made;
    std::string runs = "CREATE TABLE runs (point INTEGER NOT NULL, replication INTEGER NOT NULL";
    for (const std::string& c : header.columns) runs += ", " + quoted(c) + " TEXT";
    for (const std::string& k : header.kpis) runs += ", " + quoted(k) + " REAL";
    runs += ", PRIMARY KEY (point, replication)) WITHOUT ROWID;";
    std::string sql =
        "BEGIN; CREATE TABLE sweep (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE columns (position INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " unit TEXT NOT NULL);" +
        runs;
    if (auto ok = execute(db->handle, sql); !ok) return Error{path + ": " + ok.error()};
    Statement fact(db->handle, "INSERT INTO sweep VALUES (?, ?)");
    for (const auto& [key, value] : header.facts) {
        sqlite3_bind_text(fact.get(), 1, key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(fact.get(), 2, value.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(fact.get());
        sqlite3_reset(fact.get());
    }
    Statement column(db->handle, "INSERT INTO columns VALUES (?, ?, ?, ?)");
    int position = 0;
    auto add = [&](const char* kind, const std::string& name, const std::string& unit) {
        sqlite3_bind_int(column.get(), 1, position++);
        sqlite3_bind_text(column.get(), 2, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(column.get(), 3, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(column.get(), 4, unit.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(column.get());
        sqlite3_reset(column.get());
    };
    for (const std::string& c : header.columns) add("parameter", c, "");
    for (std::size_t k = 0; k < header.kpis.size(); ++k) add("kpi", header.kpis[k], header.units[k]);
    if (auto ok = execute(db->handle, "COMMIT;"); !ok) return Error{path + ": " + ok.error()};
    return true;
}

std::vector<std::uint64_t> RunStore::done() const {
    std::uint64_t replications = std::stoull(header_.facts.at("replications"));
    std::vector<std::uint64_t> runs;
    Statement s(db_->handle, "SELECT point, replication FROM runs ORDER BY point, replication");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        runs.push_back(static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 0)) * replications +
                       static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 1)));
    return runs;
}

Result<bool> RunStore::commit(const std::vector<RunRow>& rows) {
    if (auto ok = execute(db_->handle, "BEGIN IMMEDIATE;"); !ok) return ok;
    std::string sql = "INSERT INTO runs VALUES (?, ?";
    for (std::size_t i = 0; i < header_.columns.size() + header_.kpis.size(); ++i) sql += ", ?";
    Statement insert(db_->handle, sql + ")");
    for (const RunRow& row : rows) {
        int i = 1;
        sqlite3_bind_int64(insert.get(), i++, row.point);
        sqlite3_bind_int64(insert.get(), i++, row.replication);
        for (const std::string& p : row.parameters)
            sqlite3_bind_text(insert.get(), i++, p.c_str(), -1, SQLITE_TRANSIENT);
        for (const std::optional<double>& k : row.kpis)
            k ? sqlite3_bind_double(insert.get(), i++, *k) : sqlite3_bind_null(insert.get(), i++);
        if (sqlite3_step(insert.get()) != SQLITE_DONE) {
            std::string why = sqlite3_errmsg(db_->handle);
            execute(db_->handle, "ROLLBACK;");
            return Error{"cannot store a run: " + why};
        }
        sqlite3_reset(insert.get());
    }
    return execute(db_->handle, "COMMIT;");
}

void RunStore::for_each(const std::function<void(const RunRow&)>& each) const {
    Statement s(db_->handle, "SELECT * FROM runs ORDER BY point, replication");
    std::size_t columns = header_.columns.size(), kpis = header_.kpis.size();
    RunRow row;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        row.point = static_cast<std::uint32_t>(sqlite3_column_int64(s.get(), 0));
        row.replication = static_cast<std::uint32_t>(sqlite3_column_int64(s.get(), 1));
        row.parameters.assign(columns, "");
        row.kpis.assign(kpis, std::nullopt);
        for (std::size_t c = 0; c < columns; ++c)
            row.parameters[c] = column_text(s.get(), static_cast<int>(2 + c));
        for (std::size_t k = 0; k < kpis; ++k) {
            int i = static_cast<int>(2 + columns + k);
            if (sqlite3_column_type(s.get(), i) != SQLITE_NULL)
                row.kpis[k] = sqlite3_column_double(s.get(), i);
        }
        each(row);
    }
}

Result<StoreHeader> read_store_header(const std::string& path) {
    sqlite3* db = nullptr;
    // (Read-write when it can, so that closing it folds and removes the write-ahead log.)
    int opened = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (opened != SQLITE_OK) {
        sqlite3_close(db);
        db = nullptr;
        opened = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    }
    Result<StoreHeader> header =
        opened == SQLITE_OK ? read_header(db) : Error{std::string(sqlite3_errmsg(db))};
    sqlite3_close(db);
    if (!header) return Error{path + ": " + header.error()};
    return header;
}

}  // namespace corridor
