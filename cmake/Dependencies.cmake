# Every dependency comes from a Debian 12 package (tools/install-deps lists
# them). Nothing is fetched from the network.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SDL2 REQUIRED)
find_package(Freetype REQUIRED)
find_package(PNG REQUIRED)
find_package(JPEG REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZXing 1.4 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(LIBUSB REQUIRED IMPORTED_TARGET libusb-1.0)
pkg_check_modules(SANE REQUIRED IMPORTED_TARGET sane-backends)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)   # libimgui.a uses stb_truetype / stb_rect_pack
if(KIOSK_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(KIOSK_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# Dear ImGui 1.86 from libimgui-dev: the core is a static archive built with
# the FreeType font builder; the SDL2 platform and SDL_Renderer backends are
# compiled here from the sources the package ships (the archive lacks the
# renderer backend).
set(IMGUI_INCLUDE_DIR /usr/include/imgui)
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)
find_library(IMGUI_LIBRARY NAMES imgui REQUIRED)
add_library(kiosk_imgui STATIC
    ${IMGUI_BACKENDS_DIR}/imgui_impl_sdl.cpp
    ${IMGUI_BACKENDS_DIR}/imgui_impl_sdlrenderer.cpp)
target_include_directories(kiosk_imgui SYSTEM PUBLIC ${IMGUI_INCLUDE_DIR} ${IMGUI_INCLUDE_DIR}/backends)
target_link_libraries(kiosk_imgui PUBLIC ${IMGUI_LIBRARY} PkgConfig::STB SDL2::SDL2 Freetype::Freetype)
# An ImGui-only target (no SDL) for code that renders but never touches SDL.
add_library(kiosk_imgui_core INTERFACE)
target_include_directories(kiosk_imgui_core SYSTEM INTERFACE ${IMGUI_INCLUDE_DIR})
target_link_libraries(kiosk_imgui_core INTERFACE ${IMGUI_LIBRARY} PkgConfig::STB Freetype::Freetype)
