#pragma once
// The seeded city: a catalogue of service items (事项) for one main hall and
// two district halls, the halls' windows on their floor maps, and e-licences
// (电子证照) of a few synthetic citizens. Everything here is invented but
// shaped like the real thing (materials, time limits, fees).
#include <nlohmann/json.hpp>

namespace platform_sim {

nlohmann::json seed_catalogue();  // {"version", "items": [...]}
nlohmann::json seed_halls();      // {"halls": [...]}
nlohmann::json seed_citizens();   // [{"id_number", "name", "licences": [...]}]

// GB 11643 check character for the first 17 digits.
char id_check_digit(const std::string& first17);

}  // namespace platform_sim
