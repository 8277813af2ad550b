#pragma once
// Cases by their holder (POST /v1/cases/queries, case_queries.cpp).
#include "tools/platform-sim/sim_app.hpp"

#include <string>

namespace platform_sim {

// Links a new case to its applicant (by a hash of the ID number). Call with
// app.db_m held.
void record_case_holder(App& app, const std::string& case_number, const std::string& id_number);
// The holder table and a few demo cases of the simulated cards' holders.
bool seed_demo_cases(App& app);
void install_case_routes(App& app, httplib::Server& svr);

}  // namespace platform_sim
