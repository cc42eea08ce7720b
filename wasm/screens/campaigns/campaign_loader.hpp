// Loads one campaign and the ward's demographics for a screen, keeping a copy of each in the
// store so that a campaign read once can be answered on a train without signal.
#pragma once

#include "shared/campaign/campaign.hpp"
#include "shared/campaign/demographics.hpp"

#include <memory>
#include <optional>
#include <string>

namespace machiba::app {
struct AppContext;
}

namespace machiba::campaigns {

class CampaignLoader {
public:
    struct State {
        std::optional<campaign::Campaign> campaign;
        campaign::Demographics demographics;
        bool loading = false;
        bool failed = false;       // the server did not answer (a copy may still be shown)
        bool not_found = false;    // the server answered 404
        bool offline_copy = false; // what is shown came from the store
    };

    // path: the API path to read the campaign from (the residents' or the staff's).
    void load(app::AppContext& app, std::string const& campaign_id, std::string const& path);
    State const& state() const { return *m_state; }
    State& state() { return *m_state; }

private:
    // Shared with the callbacks, so that an answer arriving after the screen closed is harmless.
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace machiba::campaigns
