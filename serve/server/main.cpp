// The entry point of machiba-serve. FIXME: placeholder until the server skeleton lands.
int main() { return 0; }
