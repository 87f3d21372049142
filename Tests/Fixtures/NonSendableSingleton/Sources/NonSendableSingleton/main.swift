print("this fixture must not build")
