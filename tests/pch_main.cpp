// Only there so the precompiled Qt headers of the tests have a target to be built by.
int main()
{
    return 0;
}
