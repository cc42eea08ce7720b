// The app's entry point: start, then return; frames run from the browser's animation loop.
#include "wasm/app/app.hpp"

int main()
{
    machiba::app::App::instance().start();
    return 0;
}
