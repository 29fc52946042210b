#include "corridor/engine/diagnostics.hpp"

namespace corridor {

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    switch (d.severity) {
        case Severity::error:
            out += ": error: ";
            break;
        case Severity::warning:
            out += ": warning: ";
            break;
        case Severity::note:
            out += ": note: ";
            break;
    }
    return out + d.message;
}

void Diagnostics::add(Diagnostic diagnostic) {
    bool is_error = diagnostic.severity == Severity::error;
    errors_ += is_error;
    std::size_t& kept = is_error ? kept_errors_ : kept_others_;
    if (kept < kKept) {
        ++kept;
        items_.push_back(std::move(diagnostic));
    } else {
        ++omitted_;
    }
}

void Diagnostics::append(const Diagnostics& other) {
    std::size_t kept_errors = 0;
    for (const Diagnostic& d : other.items_) {
        kept_errors += d.severity == Severity::error;
        add(d);
    }
    errors_ += other.errors_ - kept_errors;
    omitted_ += other.omitted_;
}

std::string format_all(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics.items()) out += format(d) + "\n";
    if (diagnostics.omitted() > 0)
        out += "and " + std::to_string(diagnostics.omitted()) + " more (only the first " +
               std::to_string(Diagnostics::kKept) + " are shown)\n";
    return out;
}

std::string Diagnostics::first_error() const {
    for (const Diagnostic& d : items_)
        if (d.severity == Severity::error) return format(d);
    return {};
}

}  // namespace corridor
